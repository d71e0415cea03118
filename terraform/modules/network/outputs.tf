################################################################################
# VPC
################################################################################

output "vpc_id" {
  description = "ID of the VPC."
  value       = try(aws_vpc.this.id, null)
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = try(aws_vpc.this.cidr_block, null)
}

################################################################################
# Subnets
################################################################################

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per availability zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, one per availability zone."
  value       = aws_subnet.private[*].id
}

output "private_route_table_ids" {
  description = "IDs of the private route tables."
  value       = aws_route_table.private[*].id
}

################################################################################
# NAT gateways
################################################################################

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (the nodes' egress addresses)."
  value       = aws_eip.nat[*].public_ip
}
