################################################################################
# Instance
################################################################################

output "instance_id" {
  description = "ID of the bastion instance."
  value       = try(aws_instance.this.id, null)
}

output "private_ip" {
  description = "Private IP of the bastion."
  value       = try(aws_instance.this.private_ip, null)
}

output "public_ip" {
  description = "Public (Elastic) IP of the bastion."
  value       = try(aws_eip.this.public_ip, null)
}
