################################################################################
# Bastion
################################################################################

output "bastion_security_group_id" {
  description = "ID of the bastion security group."
  value       = try(aws_security_group.bastion.id, null)
}

################################################################################
# K3s nodes
################################################################################

output "nodes_security_group_id" {
  description = "ID of the K3s nodes security group."
  value       = try(aws_security_group.nodes.id, null)
}

################################################################################
# DocumentDB
################################################################################

output "documentdb_security_group_id" {
  description = "ID of the DocumentDB security group."
  value       = try(aws_security_group.documentdb.id, null)
}
