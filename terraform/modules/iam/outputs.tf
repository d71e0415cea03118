################################################################################
# Node role and instance profile
################################################################################

output "node_role_arn" {
  description = "ARN of the K3s node role."
  value       = try(aws_iam_role.nodes.arn, null)
}

output "node_instance_profile_name" {
  description = "Name of the K3s node instance profile."
  value       = try(aws_iam_instance_profile.nodes.name, null)
}
